DROP TABLE divisions;
