AUTHORIZED_IMPORTS = ["pandas", "subprocess", "os"]
EXECUTOR = "e2b"
