-- install/data/analyze.sql (data part, the last): statistics for the
-- model's tables, so that the first queries after CREATE EXTENSION or an
-- update are planned with them rather than before autovacuum comes by
-- (without them the planner may re-derive srm.matrix for every row of an
-- inventory join).
ANALYZE srm.layer, srm.service_model, srm.service_model_layer, srm.azure_published_matrix,
    srm.azure_layer_map, srm.service, srm.service_alias, srm.service_layer, srm.resource_type,
    srm.resource_type_layer, srm.variant_dimension, srm.variant, srm.variant_rule, srm.variant_layer,
    srm.framework, srm.control, srm.control_layer, srm.attestation, srm.identifier, srm.arn_pattern;
