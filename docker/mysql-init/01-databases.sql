-- Runs once, when the MySQL container starts on an empty data volume.
-- Each subgraph owns its own database; none reads another's tables.
CREATE DATABASE IF NOT EXISTS tenantry_identity    CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS tenantry_tenancy     CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS tenantry_permissions CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS tenantry_compliance  CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
