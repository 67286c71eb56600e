DROP DATABASE IF EXISTS ${ident(database)}
