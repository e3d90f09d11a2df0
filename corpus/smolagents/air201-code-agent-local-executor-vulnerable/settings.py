AUTHORIZED_IMPORTS = ["pandas", "subprocess", "os"]
EXECUTOR = "local"
