-- docker-compose only (dev laptop): one database per service, each owned by its own role, as in k8s where
-- CloudNativePG creates database <db> owned by role <db>. These passwords are dev values, never production ones.
-- Runs once, when the postgres-data volume is empty (docker compose down -v to run it again).
CREATE ROLE register LOGIN PASSWORD 'register-dev';
CREATE DATABASE register OWNER register;

CREATE ROLE rights LOGIN PASSWORD 'rights-dev';
CREATE DATABASE rights OWNER rights;

CREATE ROLE retention LOGIN PASSWORD 'retention-dev';
CREATE DATABASE retention OWNER retention;

CREATE ROLE portal LOGIN PASSWORD 'portal-dev';
CREATE DATABASE portal OWNER portal;
