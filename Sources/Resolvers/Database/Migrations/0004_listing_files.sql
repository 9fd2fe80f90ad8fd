-- What a digital listing's file is, as S3 reported it when the listing accepted the key:
-- the download gets a file name with the right extension, and the page can show the size.
ALTER TABLE marketplace.listings
    ADD COLUMN file_content_type text,
    ADD COLUMN file_size_bytes bigint CHECK (file_size_bytes > 0);
