CREATE DATABASE ${ident(database)} ENCODING 'UTF8' TEMPLATE template0
