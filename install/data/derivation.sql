-- install/data/derivation.sql (data part): the stored derivation, built
-- once the model's rows are in (their triggers skip the rebuild while
-- srm.loading_model is on, which the generated model rows set), then the
-- model's triggers take over.
SELECT srm.refresh_derivation();
SELECT pg_catalog.set_config('srm.loading_model', '', true);
