"""Export tools: copy a capture's payloads out of the archive."""
import os


def export_tools(archive):
    async def export_payloads(capture: str, out_dir: str) -> str:
        """Write every payload of a capture into a folder."""
        os.makedirs(out_dir, exist_ok=True)  # expect: AIR106
        target = os.path.join(out_dir, "payloads.bin")
        with open(target, "wb") as fh:  # expect: AIR106
            fh.write(archive.read(capture))
        return target

    return [("export_payloads", export_payloads)]
