from content_crew.tools.custom_tools import DocPageWriterTool, PublishMarkdownTool, format_markdown

__all__ = ["DocPageWriterTool", "PublishMarkdownTool", "format_markdown"]
