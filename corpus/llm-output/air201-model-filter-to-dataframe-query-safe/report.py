# case: the same helper, where the model only picks one of the saved filters by name
import pandas as pd
from openai import OpenAI

client = OpenAI()

SAVED_FILTERS = {
    "late": "days_overdue > 30",
    "large": "amount >= 10000",
    "open": "status == 'open'",
}


def ask_for_filter(question: str) -> str:
    completion = client.chat.completions.create(
        model="gpt-4.1-mini",
        messages=[
            {"role": "system", "content": f"Reply with one of: {', '.join(SAVED_FILTERS)}."},
            {"role": "user", "content": question},
        ],
    )
    return completion.choices[0].message.content.strip()


def filtered_rows(path: str, question: str) -> list[dict]:
    df = pd.read_csv(path)
    name = ask_for_filter(question)
    if name not in SAVED_FILTERS:
        raise ValueError(f"unknown filter {name!r}")
    return df.query(SAVED_FILTERS[name]).to_dict("records")
