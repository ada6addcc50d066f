// statement 1 of 1
CALL { MATCH (e:Entity) RETURN count(e) AS entities }
CALL { MATCH (e:Person) RETURN count(e) AS PERSON }
CALL { MATCH (e:Organization) RETURN count(e) AS ORGANIZATION }
CALL { MATCH (e:Country) RETURN count(e) AS COUNTRY }
CALL { MATCH (e:Location) RETURN count(e) AS LOCATION }
CALL { MATCH (e:Event) RETURN count(e) AS EVENT }
CALL { MATCH ()-[r:PARTICIPATES_IN]->() RETURN count(r) AS PARTICIPATES_IN }
CALL { MATCH ()-[r:COMMANDS]->() RETURN count(r) AS COMMANDS }
CALL { MATCH ()-[r:MEMBER_OF]->() RETURN count(r) AS MEMBER_OF }
CALL { MATCH ()-[r:LOCATED_IN]->() RETURN count(r) AS LOCATED_IN }
CALL { MATCH (s:Source) RETURN count(s) AS sources }
CALL { MATCH (d:Document) RETURN count(d) AS documents }
RETURN *
