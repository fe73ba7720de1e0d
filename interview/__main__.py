from interview.entry import main

main()
