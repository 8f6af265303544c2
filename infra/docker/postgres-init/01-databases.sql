-- One database per service that owns data (run once, on an empty volume).
CREATE DATABASE supplychain OWNER glasslink;
CREATE DATABASE planning OWNER glasslink;
CREATE DATABASE booking OWNER glasslink;
