from interview.cli import main

main()
