//! CrewAI end to end through the analyzer: YAML problems become notices naming the file and line
//! while the rest of the project is still analysed, hostile configs cost nothing, the inventory
//! lists CrewAI agents, and AIR102's path has a step for every hop.

mod support;

use airlock_analyzer::analysis::{analyze, Analysis, Options};
use airlock_analyzer::knowledge::Knowledge;
use support::TempDir;

const CREW: &str = r#"from crewai import Agent, Crew, Process, Task
from crewai.project import CrewBase, agent, crew, task
from crewai_tools import ScrapeWebsiteTool

from app.tools import SendEmailTool


@CrewBase
class Outreach:
    @agent
    def researcher(self) -> Agent:
        return Agent(config=self.agents_config["researcher"], tools=[ScrapeWebsiteTool()])

    @agent
    def operator(self) -> Agent:
        return Agent(config=self.agents_config["operator"], tools=[SendEmailTool()])

    @task
    def research_task(self) -> Task:
        return Task(config=self.tasks_config["research_task"])

    @task
    def outreach_task(self) -> Task:
        return Task(config=self.tasks_config["outreach_task"])

    @crew
    def crew(self) -> Crew:
        return Crew(agents=self.agents, tasks=self.tasks, process=Process.sequential)
"#;

const TOOLS: &str = r#"import smtplib

from crewai.tools import BaseTool


class SendEmailTool(BaseTool):
    name: str = "send_email"
    description: str = "Send an email."

    def _run(self, to: str, body: str) -> str:
        with smtplib.SMTP("localhost") as s:
            s.sendmail("a@example.com", [to], body)
        return "sent"
"#;

const AGENTS: &str = "researcher:\n  role: Researcher\n  goal: Read {company}'s site\n  backstory: You read.\n\noperator:\n  role: Operator\n  goal: Send email\n  backstory: You send.\n";

const TASKS: &str = "research_task:\n  description: Research {company}\n  expected_output: Notes\n  agent: researcher\n\noutreach_task:\n  description: Email them\n  expected_output: The email\n  agent: operator\n  context:\n    - research_task\n";

fn project(agents: Option<&str>, tasks: Option<&str>) -> TempDir {
    let dir = TempDir::new("crewai");
    dir.write("pyproject.toml", "[project]\nname = \"app\"\n");
    dir.write("app/__init__.py", "");
    dir.write("app/crew.py", CREW);
    dir.write("app/tools.py", TOOLS);
    if let Some(a) = agents {
        dir.write("app/config/agents.yaml", a);
    }
    if let Some(t) = tasks {
        dir.write("app/config/tasks.yaml", t);
    }
    dir
}

fn run(dir: &TempDir) -> Analysis {
    let opts = Options {
        paths: vec![dir.path().to_path_buf()],
        ..Options::default()
    };
    analyze(&opts, &Knowledge::builtin())
}

fn notices(a: &Analysis) -> Vec<String> {
    a.notices.iter().map(|n| n.to_string()).collect()
}

#[test]
fn the_crew_reports_air102_with_every_hop_on_the_path() {
    let dir = project(Some(AGENTS), Some(TASKS));
    let a = run(&dir);
    assert!(a.notices.is_empty(), "{:?}", notices(&a));
    let f: Vec<_> = a.findings.iter().filter(|f| f.code == "AIR102").collect();
    assert_eq!(f.len(), 1, "{:#?}", a.findings);
    assert_eq!(f[0].location.path, "app/tools.py");
    let steps: Vec<(String, u32)> = f[0]
        .path
        .iter()
        .map(|s| (s.location.path.clone(), s.location.line))
        .collect();
    assert_eq!(
        steps,
        vec![
            ("app/crew.py".to_string(), 12),           // ScrapeWebsiteTool()
            ("app/config/agents.yaml".to_string(), 1), // researcher
            ("app/config/tasks.yaml".to_string(), 11), // context: - research_task
            ("app/config/agents.yaml".to_string(), 6), // operator
            ("app/tools.py".to_string(), 6),           // class SendEmailTool
            ("app/tools.py".to_string(), 12),          // s.sendmail(...)
        ]
    );
    // No AIR101: neither agent has both the web content and the email tool.
    assert!(a.findings.iter().all(|f| f.code != "AIR101"));
}

#[test]
fn the_inventory_lists_crewai_agents() {
    let dir = project(Some(AGENTS), Some(TASKS));
    let a = run(&dir);
    let crew: Vec<_> = a
        .inventory
        .agents
        .iter()
        .filter(|x| x.framework == "crewai")
        .collect();
    let labels: Vec<&str> = crew.iter().map(|x| x.label.as_str()).collect();
    assert_eq!(labels, vec!["agent `researcher`", "agent `operator`"]);
    assert_eq!(crew[0].exposure, vec!["web_content".to_string()]);
    assert_eq!(crew[1].capabilities, vec!["email_send".to_string()]);
}

#[test]
fn bad_indentation_is_a_notice_at_its_line_and_the_rest_is_analysed() {
    let broken = "researcher:\n  role: Researcher\n  goal: Read\n backstory: oops\noperator:\n  role: Operator\n";
    let dir = project(Some(broken), Some(TASKS));
    let a = run(&dir);
    let n = notices(&a);
    assert!(
        n.iter()
            .any(|m| m.starts_with("app/config/agents.yaml:4: invalid yaml")
                && m.contains("indentation")),
        "{n:?}"
    );
    // The researcher is still read (it comes before the error), and its tool still analysed.
    assert!(a
        .inventory
        .agents
        .iter()
        .any(|x| x.label == "agent `researcher`"));
    assert!(a.inventory.tools.iter().any(|t| t.name == "send_email"));
}

#[test]
fn an_unknown_agent_name_in_a_task_is_a_notice_at_its_line() {
    let tasks = TASKS.replace("agent: operator", "agent: operater");
    let dir = project(Some(AGENTS), Some(&tasks));
    let a = run(&dir);
    let n = notices(&a);
    assert!(
        n.iter().any(|m| m.starts_with(
            "app/config/tasks.yaml:9: crewai: task `outreach_task` names agent `operater`"
        )),
        "{n:?}"
    );
    // The task has no agent, so no route: no AIR102, and no panic.
    assert!(a.findings.iter().all(|f| f.code != "AIR102"));
}

#[test]
fn a_missing_config_file_is_a_notice_at_the_class() {
    let dir = project(Some(AGENTS), None);
    let a = run(&dir);
    let n = notices(&a);
    assert!(
        n.iter().any(|m| m.starts_with(
            "app/crew.py:9: crewai: `Outreach` reads its tasks from `config/tasks.yaml`"
        )),
        "{n:?}"
    );
    // The agents are still there.
    assert_eq!(
        a.inventory
            .agents
            .iter()
            .filter(|x| x.framework == "crewai")
            .count(),
        2
    );
}

#[test]
fn hostile_configs_do_not_panic() {
    let deep = format!("researcher:\n{}x: 1\n", "  - ".repeat(5000));
    let bomb = "a: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nresearcher: &r [*b, *b, *b, *b, *b, *b, *b, *b]\noperator: *r\n";
    let weird = "researcher: [1, 2\noperator: {role: 3\n";
    let not_a_map = "- researcher\n- operator\n";
    let scalars = "researcher: 7\noperator: null\n";
    for agents in [
        deep.as_str(),
        bomb,
        weird,
        not_a_map,
        scalars,
        "",
        "\u{feff}",
        "\0\0",
    ] {
        for tasks in [
            TASKS,
            "research_task: [\n",
            "outreach_task:\n  context: 5\n  agent: [1]\n",
        ] {
            let dir = project(Some(agents), Some(tasks));
            let a = run(&dir);
            assert!(a.files >= 4);
        }
    }
}
