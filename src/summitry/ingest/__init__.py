"""Reading inputs: files, folders, JSONL manifests and URLs become cleaned RawDocuments.

    read_path(path)          one .txt/.html/.htm file
    read_manifest(path)      a .jsonl manifest, one document (or InputError) a line
    iter_inputs(paths)       files, folders, manifests and URLs; errors yielded, never raised
    read_url(url)            one page fetched with httpx
    read_text(text)          text or HTML already in memory
    clean_text(text)         page furniture removed (rules/clean.yaml)
    decode_bytes(data, src)  encoding detection
"""

from summitry.ingest.clean import clean_text
from summitry.ingest.dateline import find_dateline
from summitry.ingest.encoding import decode_bytes
from summitry.ingest.raw import RawDocument
from summitry.ingest.sources import (
    MAX_BYTES,
    iter_inputs,
    read_manifest,
    read_path,
    read_text,
    read_url,
)

__all__ = [
    "MAX_BYTES",
    "RawDocument",
    "clean_text",
    "decode_bytes",
    "find_dateline",
    "iter_inputs",
    "read_manifest",
    "read_path",
    "read_text",
    "read_url",
]
