"""Export tools: copy a capture's payloads out of the archive."""
import os

EXPORT_ROOT = "/srv/exports"


def export_tools(archive):
    async def export_payloads(capture: str, out_dir: str) -> str:
        """Write every payload of a capture into a folder under the export root."""
        folder = os.path.join(EXPORT_ROOT, os.path.basename(out_dir))
        os.makedirs(folder, exist_ok=True)
        target = os.path.join(folder, "payloads.bin")
        with open(target, "wb") as fh:
            fh.write(archive.read(capture))
        return target

    return [("export_payloads", export_payloads)]
