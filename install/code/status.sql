-- install/code/status.sql (code part): the trigger that checks control
-- statuses as they are written, and the status that applies to an asset.

-- the scope of a status or an override (kind names it in messages), as
-- written: the provider one of srm's, the account an id of that provider
-- (an AWS account id, an Azure subscription id, put in lower case, or a
-- Google Cloud project id), the asset an identifier of that provider (an
-- ARN, an Azure Resource Manager id, put in lower case as srm.asset holds
-- it, or a Google Cloud full resource name) and the service one of that
-- provider's (by any name srm reads; Google's iam is not AWS's); returns
-- them normalised, or raises a clear error.  For AWS the checks and
-- messages are those of 0.5.0.
CREATE FUNCTION srm_internal.scope_checked(kind text, provider text, INOUT account_id text, INOUT asset text,
                                           INOUT service_namespace text)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_variable
DECLARE
    names constant jsonb := '{"aws": "AWS", "azure": "Microsoft Azure", "gcp": "Google Cloud"}';
    acct_words constant jsonb := '{"aws": "an AWS account id", "azure": "an Azure subscription id", "gcp": "a Google Cloud project id"}';
    asset_words constant jsonb := '{"aws": "an ARN", "azure": "an Azure Resource Manager id", "gcp": "a Google Cloud full resource name"}';
    acct_of text;
    r record;
BEGIN
    IF provider IS NULL OR provider NOT IN ('aws', 'azure', 'gcp') THEN
        RAISE EXCEPTION 'unknown provider "%" of %', provider, kind
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'A provider is aws (Amazon Web Services), azure (Microsoft Azure) or gcp (Google Cloud).';
    END IF;
    IF account_id IS NOT NULL THEN
        account_id := btrim(account_id);
        -- an Azure subscription id is a UUID, in any case: stored in lower case
        IF account_id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN
            account_id := lower(account_id);
        END IF;
        acct_of := CASE WHEN account_id ~ '^[0-9]{12}$' THEN 'aws'
                        WHEN account_id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN 'azure'
                        WHEN account_id ~ '^[a-z][a-z0-9-]{4,28}[a-z0-9]$' THEN 'gcp' END;
        IF acct_of IS NULL OR (acct_of <> provider AND provider = 'aws' AND acct_of = 'gcp') THEN
            CASE provider
            WHEN 'aws' THEN
                RAISE EXCEPTION 'invalid AWS account id "%"', account_id
                    USING ERRCODE = 'invalid_parameter_value', HINT = 'An AWS account id is 12 digits.';
            WHEN 'azure' THEN
                RAISE EXCEPTION 'invalid Azure subscription id "%"', account_id
                    USING ERRCODE = 'invalid_parameter_value',
                          HINT = 'An Azure subscription id is a UUID, e.g. 00000000-0000-0000-0000-000000000000.';
            ELSE
                RAISE EXCEPTION 'invalid Google Cloud project id "%"', account_id
                    USING ERRCODE = 'invalid_parameter_value',
                          HINT = 'A Google Cloud project id is 6 to 30 lower-case letters, digits and hyphens, starting with a letter and not ending with a hyphen.';
            END CASE;
        END IF;
        IF acct_of <> provider THEN
            RAISE EXCEPTION 'account "%" of % is %, not %', account_id, kind, acct_words ->> acct_of, acct_words ->> provider
                USING ERRCODE = 'invalid_parameter_value',
                      HINT = format('Set provider to ''%s'' for a scope of %s.', acct_of, names ->> acct_of);
        END IF;
    END IF;
    IF asset IS NOT NULL THEN
        asset := btrim(asset);
        SELECT x.form, x.provider, x.service_namespace, x.account_id INTO r FROM srm.resolve_asset(asset) x;
        IF provider = 'aws' AND r.form IS DISTINCT FROM 'arn' AND r.form IN ('arm-id', 'gcp-resource-name') THEN
            RAISE EXCEPTION 'asset "%" of % is %, not %', asset, kind,
                            asset_words ->> CASE r.form WHEN 'arm-id' THEN 'azure' ELSE 'gcp' END, asset_words ->> provider
                USING ERRCODE = 'invalid_parameter_value',
                      HINT = format('Set provider to ''%s'' for a scope of %s.',
                                    CASE r.form WHEN 'arm-id' THEN 'azure' ELSE 'gcp' END,
                                    names ->> CASE r.form WHEN 'arm-id' THEN 'azure' ELSE 'gcp' END);
        END IF;
        IF provider = 'aws' AND asset !~ '^arn:' THEN
            -- 0.5.0's message
            RAISE EXCEPTION '%''s asset must be an ARN, not "%"', kind, asset
                USING ERRCODE = 'invalid_parameter_value',
                      HINT = 'Write the asset''s ARN, e.g. arn:aws:ec2:us-east-1:123456789012:instance/i-0123456789abcdef0.';
        END IF;
        IF provider = 'azure' THEN
            IF r.form IS DISTINCT FROM 'arm-id' THEN
                RAISE EXCEPTION '%''s asset must be an Azure Resource Manager id, not "%"', kind, asset
                    USING ERRCODE = 'invalid_parameter_value',
                          HINT = 'Write the resource''s id, e.g. /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1.';
            END IF;
            IF srm_internal.arm_type(asset) IS NULL THEN
                PERFORM srm_internal.raise_unknown_asset(asset, 'arm-id', 'service');
            END IF;
            -- resource ids are case-insensitive: srm.asset holds them in lower case
            asset := lower(asset);
        END IF;
        IF provider = 'gcp' THEN
            IF r.form IS DISTINCT FROM 'gcp-resource-name' THEN
                RAISE EXCEPTION '%''s asset must be a Google Cloud full resource name, not "%"', kind, asset
                    USING ERRCODE = 'invalid_parameter_value',
                          HINT = 'Write the resource''s full resource name, e.g. //compute.googleapis.com/projects/my-project/zones/us-central1-a/instances/vm-1.';
            END IF;
            IF asset !~ '^//[a-z0-9-]+(\.[a-z0-9-]+)*\.googleapis\.com/[^/]+(/[^/]+)*$' THEN
                PERFORM srm_internal.raise_unknown_asset(asset, 'gcp-resource-name', 'service');
            END IF;
        END IF;
        IF provider <> 'aws' AND r.service_namespace IS NULL THEN
            PERFORM srm_internal.raise_unknown_asset(asset, r.form, 'service');
        END IF;
        IF provider <> 'aws' AND account_id IS NOT NULL AND r.account_id IS NOT NULL AND r.account_id <> account_id THEN
            RAISE EXCEPTION 'asset "%" of % is not in account "%"', asset, kind, account_id
                USING ERRCODE = 'invalid_parameter_value',
                      DETAIL = format('Its %s is "%s".', CASE provider WHEN 'azure' THEN 'subscription' ELSE 'project' END, r.account_id),
                      HINT = 'Leave account_id empty for a scope of one asset, or name the asset''s own.';
        END IF;
    END IF;
    IF service_namespace IS NOT NULL THEN
        service_namespace := coalesce(
            (SELECT s.service_namespace FROM srm.service s
             WHERE s.provider = scope_checked.provider AND s.service_namespace = lower(btrim(scope_checked.service_namespace))),
            srm_internal.service_named(service_namespace));
        IF NOT EXISTS (SELECT FROM srm.service s
                       WHERE s.provider = scope_checked.provider AND s.service_namespace = scope_checked.service_namespace) THEN
            RAISE EXCEPTION 'service "%" of % is not a service of %', service_namespace, kind, names ->> provider
                USING ERRCODE = 'undefined_object',
                      HINT = format('It is %s''s. Set provider to its provider, or name a service of %s (srm.service where provider = %L).',
                                    (SELECT string_agg(names ->> s.provider, ', ' ORDER BY s.provider) FROM srm.service s
                                     WHERE s.service_namespace = scope_checked.service_namespace),
                                    names ->> provider, provider);
        END IF;
    END IF;
END
$$;
COMMENT ON FUNCTION srm_internal.scope_checked(text, text, text, text, text) IS
    'checks and normalises the scope of a control status or an override (kind) as written: a known provider; an account id of that provider (AWS 12 digits, Azure subscription UUID put in lower case, Google Cloud project id); an asset identifier of that provider (ARN, Azure Resource Manager id put in lower case, Google Cloud full resource name) that srm places; a service of that provider; clear errors (22023, 42704) otherwise';

-- statuses name controls and services the way people write them
CREATE FUNCTION srm_internal.control_status_check()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    c record;
BEGIN
    IF NEW.status IS NULL OR NEW.status NOT IN ('implemented', 'partial', 'planned', 'alternative', 'not-applicable') THEN
        RAISE EXCEPTION 'unknown implementation status "%"', NEW.status
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'OSCAL implementation-status words: implemented, partial, planned, alternative, not-applicable.';
    END IF;
    IF NEW.account_id IS NULL AND NEW.service_namespace IS NULL AND NEW.asset IS NULL THEN
        RAISE EXCEPTION 'a control status needs a scope'
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'Set account_id, service_namespace (optionally with account_id) or asset (an ARN, an Azure Resource Manager id or a Google Cloud full resource name).';
    END IF;
    -- the scope, of the status's provider (an Azure subscription or
    -- resource id in lower case)
    SELECT x.account_id, x.asset, x.service_namespace INTO NEW.account_id, NEW.asset, NEW.service_namespace
    FROM srm_internal.scope_checked('a control status', NEW.provider, NEW.account_id, NEW.asset, NEW.service_namespace) x;
    SELECT * INTO c FROM srm.resolve_control(NEW.framework_id || ':' || NEW.control_id);
    IF c.control_id IS NULL THEN
        PERFORM srm_internal.raise_unknown_control(NEW.control_id);
    END IF;
    NEW.control_id := c.control_id;
    IF NEW.status IN ('implemented', 'alternative', 'not-applicable')
       AND coalesce(NEW.evidence, '') !~ '\S' AND NEW.evidence_url IS NULL THEN
        RAISE EXCEPTION 'status "%" of % needs evidence', NEW.status, c.label
            USING ERRCODE = 'not_null_violation',
                  HINT = 'Give evidence (text) or evidence_url (a link to the artefact).';
    END IF;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION srm_internal.control_status_check() IS 'checks and normalizes a control status as it is written';
CREATE TRIGGER control_status_check BEFORE INSERT OR UPDATE ON srm.control_status
    FOR EACH ROW EXECUTE FUNCTION srm_internal.control_status_check();
