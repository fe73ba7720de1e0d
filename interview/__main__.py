from interview.cli import main

main(prog_name="interview")
