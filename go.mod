module github.com/firstline/firstline

go 1.26.8
