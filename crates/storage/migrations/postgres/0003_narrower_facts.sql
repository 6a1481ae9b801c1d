-- A fact row keeps its hash as 32 bytes rather than 64 hex characters, and no longer repeats
-- its predecessor's hash: the previous row of the chain holds it, and the hash covers it.
ALTER TABLE facts DROP COLUMN prev_hash;
ALTER TABLE facts ALTER COLUMN hash TYPE BYTEA USING decode(hash, 'hex');
