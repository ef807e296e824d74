-- Azure: Microsoft's published shared responsibility table, reproduced by
-- the Azure service models through the layer map.  The table is the
-- Responsibility matrix of Microsoft Learn's "Shared responsibility in the
-- cloud" (https://learn.microsoft.com/azure/security/fundamentals/shared-responsibility,
-- page dated 2026-01-12): ten rows from Customer data to Physical datacenter,
-- asserted below cell for cell.
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/sql/include/setup.sql
SET search_path = srm, public;

-- the published table as shipped
SELECT azure_row,
       max(responsibility_word) FILTER (WHERE model_id = 'azure-on-premises') AS on_prem,
       max(responsibility_word) FILTER (WHERE model_id = 'azure-iaas') AS iaas,
       max(responsibility_word) FILTER (WHERE model_id = 'azure-paas') AS paas,
       max(responsibility_word) FILTER (WHERE model_id = 'azure-saas') AS saas
FROM azure_published_matrix GROUP BY azure_row, row_order ORDER BY row_order;

-- each cell, derived from the models: the union over the row's layers
SELECT p.azure_row, p.model_id, p.responsibility_word AS published, d.derived,
       CASE d.derived WHEN 'provider' THEN 'microsoft' WHEN 'customer' THEN 'customer'
                      WHEN 'provider, customer' THEN 'shared' END AS derived_word
FROM azure_published_matrix p
CROSS JOIN LATERAL (
    SELECT responsibility_agg(ml.responsibility OPERATOR(srm.&) 'provider, customer, partner') AS derived
    FROM azure_layer_map m JOIN service_model_layer ml ON ml.layer_id = m.layer_id AND ml.model_id = p.model_id
    WHERE m.azure_row = p.azure_row) d
WHERE EXISTS (SELECT FROM azure_layer_map m WHERE m.azure_row = p.azure_row)
  AND p.responsibility_word IS DISTINCT FROM CASE d.derived WHEN 'provider' THEN 'microsoft' WHEN 'customer' THEN 'customer'
                                              WHEN 'provider, customer' THEN 'shared' END
ORDER BY p.row_order, p.model_id;
SELECT count(*) AS cells, count(DISTINCT azure_row) AS rows, count(DISTINCT model_id) AS columns
FROM azure_published_matrix;
SELECT count(*) AS cells_checked
FROM azure_published_matrix p
WHERE EXISTS (SELECT FROM azure_layer_map m WHERE m.azure_row = p.azure_row);
-- the rows no srm layer stands for (data/SOURCES.md says why): Configurations
-- and settings are the customer (configured) part of many layers; srm has no
-- endpoint layer for client devices
SELECT DISTINCT p.azure_row AS no_layer, p.row_order FROM azure_published_matrix p
WHERE NOT EXISTS (SELECT FROM azure_layer_map m WHERE m.azure_row = p.azure_row)
ORDER BY p.row_order;
-- the changes from the 2019-2023 diagram that reach the models: SaaS
-- applications are shared
SELECT model_id, layer_id, responsibility FROM service_model_layer
WHERE model_id = 'azure-saas' AND layer_id IN ('application', 'platform', 'operating-system')
ORDER BY layer_id;
-- the map, and the layers Microsoft's table has no row for
SELECT azure_row, string_agg(layer_id, ', ' ORDER BY layer_id) AS layers
FROM azure_layer_map GROUP BY azure_row ORDER BY azure_row;
SELECT layer_id AS not_in_microsofts_table FROM layer l
WHERE NOT EXISTS (SELECT FROM azure_layer_map m WHERE m.layer_id = l.layer_id);
