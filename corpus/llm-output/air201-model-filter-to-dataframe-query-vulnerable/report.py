# case: a reporting helper turns a question into a pandas filter with the OpenAI client
import pandas as pd
from openai import OpenAI

client = OpenAI()


def ask_for_filter(question: str, columns: list[str]) -> str:
    completion = client.chat.completions.create(  # path: AIR201
        model="gpt-4.1-mini",
        messages=[
            {"role": "system", "content": f"Columns: {', '.join(columns)}. Reply with a DataFrame.query filter."},
            {"role": "user", "content": question},
        ],
    )
    return completion.choices[0].message.content.strip()


def filtered_rows(path: str, question: str) -> list[dict]:
    df = pd.read_csv(path)
    condition = ask_for_filter(question, list(df.columns))  # path: AIR201
    return df.query(condition).to_dict("records")  # expect: AIR201
