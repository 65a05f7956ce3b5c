-- A multipart content type (MTOM's, with its boundary, start, start-info and action) can be longer
-- than 200 characters (issue 18); a capture keeps up to 1000 and cuts the rest.
alter table captures alter column request_content_type set data type varchar(1000);
alter table captures alter column response_content_type set data type varchar(1000);
