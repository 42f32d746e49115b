from letterbook.cli import main

main()
