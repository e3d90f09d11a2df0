from analyst.config import AnalystConfig
from analyst.tools.dataframes import list_datasets, summarize_csv

BASE_TOOLS = [list_datasets, summarize_csv]


def get_tools(cfg: AnalystConfig) -> list:
    if cfg.executor == "e2b":
        from analyst.tools.sandboxed import run_python_e2b

        return [*BASE_TOOLS, run_python_e2b]
    if cfg.executor == "docker":
        from analyst.tools.sandboxed import run_python_docker

        return [*BASE_TOOLS, run_python_docker]
    from analyst.tools.local_exec import python_repl, run_python, run_script

    return [*BASE_TOOLS, run_python, run_script, python_repl]
