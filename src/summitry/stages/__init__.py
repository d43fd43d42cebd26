"""Pipeline stages; each module registers itself with `summitry.pipeline.stage`."""
