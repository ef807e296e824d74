-- install/data/attestation.sql (data part): the provider attestations srm
-- ships, for srm.attestation.

INSERT INTO srm.attestation VALUES
    ('aws', 'nist-800-53-r5', 'AWS FedRAMP High and Moderate P-ATO packages (system security plans and assessment reports)',
     'AWS Artifact, or the FedRAMP marketplace package request', 'FedRAMP marketplace listing of AWS; AWS Artifact'),
    ('aws', 'nist-800-53-r5', 'AWS SOC 2 Type II report', 'AWS Artifact', 'AWS Artifact report catalog'),
    ('aws', 'aws-srm', 'AWS SOC 2 Type II report', 'AWS Artifact', 'AWS Artifact report catalog'),
    ('aws', 'aws-srm', 'AWS ISO/IEC 27001 certificate and statement of applicability', 'AWS Artifact', 'AWS Artifact report catalog')
ON CONFLICT DO NOTHING;
