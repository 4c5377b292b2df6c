# Builds the incident's records from the real samples' shapes (edited values, no new field names).
import json, gzip, copy, sys, os
S = '/work/shared/samples'
out = sys.argv[1]
variant = sys.argv[2] if len(sys.argv) > 2 else 'race'
os.makedirs(f'{out}/cloudtrail', exist_ok=True)
ACCT = '111122223333'; REGION = 'us-east-2'; NAME = 'shop-prod'
ARN = f'arn:aws:eks:{REGION}:{ACCT}:cluster/{NAME}'
base = json.load(open(f'{S}/cloudtrail/aws-docs-eks-CreateCluster-record.json'))
RANCHER_UA = 'aws-sdk-go/1.36.7 (go1.13.8b4; linux; amd64)'   # rancher/rancher#31605
CONSOLE_UA = json.loads(json.load(open(f'{S}/cloudtrail/awscli-cloudtrail-lookup-events-envelope.json'))['Events'][0]['CloudTrailEvent'])['userAgent']
SHIFT = 17 if variant == 'timer' else 0   # a timer release ticks at its own phase, not on the minute
import datetime
def ts(hms, offset=False):
    t = datetime.datetime(2025, 3, 4, *map(int, hms.split(':')), tzinfo=datetime.timezone.utc) + datetime.timedelta(seconds=SHIFT)
    if offset: return (t - datetime.timedelta(hours=5)).strftime('%Y-%m-%dT%H:%M:%S-05:00')
    return t.strftime('%Y-%m-%dT%H:%M:%SZ')
if variant == 'timer':   # eks-operator 2025: aws-sdk-go-v2, and the ListUpdates gate before a cluster update
    RANCHER_UA = 'aws-sdk-go-v2/1.30.3 os/linux lang/go#1.22.5 md/GOOS#linux md/GOARCH#amd64 api/eks#1.46.1'
n = [0]
def rec(time, name, who, params, response=None, error=None):
    r = copy.deepcopy(base)
    n[0] += 1
    r['eventVersion'] = '1.08'
    if who == 'rancher':
        r['userIdentity'] = {'type': 'IAMUser', 'principalId': 'AIDAEXAMPLERANCHER01', 'arn': f'arn:aws:iam::{ACCT}:user/rancher-eks',
                             'accountId': ACCT, 'accessKeyId': 'AKIAIOSFODNN7EXAMPLE', 'userName': 'rancher-eks'}
        r['userAgent'] = RANCHER_UA; r['sourceIPAddress'] = '203.0.113.10'
    else:
        r['userIdentity'] = {'type': 'AssumedRole', 'principalId': 'AROAJIKPFTA72SWU4L7T4:alice', 'arn': f'arn:aws:sts::{ACCT}:assumed-role/Admin/alice',
                             'accountId': ACCT, 'accessKeyId': 'ASIAIOSFODNN7EXAMPLE',
                             'sessionContext': {'sessionIssuer': {'type': 'Role', 'principalId': 'AROAJIKPFTA72SWU4L7T4', 'arn': f'arn:aws:iam::{ACCT}:role/Admin', 'accountId': ACCT, 'userName': 'Admin'},
                                                'attributes': {'mfaAuthenticated': 'true', 'creationDate': '2025-03-04T13:55:02Z'}}}
        r['userAgent'] = CONSOLE_UA; r['sourceIPAddress'] = '72.21.198.70'; r['sessionCredentialFromConsole'] = 'true'
    r['eventTime'] = time; r['eventName'] = name; r['awsRegion'] = REGION
    r['requestParameters'] = params; r['responseElements'] = response
    if error: r['errorCode'], r['errorMessage'] = error
    r['requestID'] = f'a7a0735d-62ab-11e8-9f79-{n[0]:012d}'; r['eventID'] = f'eab22523-174a-499c-9dd6-{n[0]:012d}'
    r['readOnly'] = name.startswith(('Describe', 'List')); r['recipientAccountId'] = ACCT
    return r
def update(uid, typ, params, created):
    return {'update': {'id': uid, 'status': 'InProgress', 'type': typ, 'params': params, 'createdAt': created, 'errors': []}}
def describe(t): return rec(t, 'DescribeCluster', 'rancher', {'name': NAME})
edit_at = {'race': '14:03:20', 'timer': '14:03:20', 'nearmiss': '14:05:20', 'tag': '14:03:20', 'ngdelete': None}[variant]
op_at = {'race': '14:03:21', 'timer': '14:03:21', 'nearmiss': '14:05:21', 'tag': '14:03:21', 'ngdelete': '14:05:01'}[variant]
ENC_ARN = ARN.replace(':', '%3A').replace('/', '%2F')
rancher = [describe(ts('14:00:00')), describe(ts('14:05:00')), describe(ts('14:10:00')),
           describe(ts(op_at))]
if variant == 'ngdelete':
    rancher.append(rec(ts('14:05:00'), 'ListNodegroups', 'rancher', {'name': NAME}, None,
                       ('AccessDeniedException', f'User: arn:aws:iam::{ACCT}:user/rancher-eks is not authorized to perform: eks:ListNodegroups on resource: {ARN}')))
    ng = json.load(open(f'{S}/awscli-eks/delete-nodegroup-1.json'))['nodegroup']
    ng['clusterName'] = NAME; ng['nodegroupName'] = 'ng1'
    ng['nodegroupArn'] = f'arn:aws:eks:{REGION}:{ACCT}:nodegroup/{NAME}/ng1/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111'
    rancher.append(rec(ts(op_at), 'DeleteNodegroup', 'rancher', {'name': NAME, 'nodegroupName': 'ng1'}, {'nodegroup': ng}))
else:
    rancher.append(rec(ts(op_at), 'TagResource', 'rancher', {'resourceArn': ENC_ARN, 'tags': {'env': 'prod'}}))
if variant == 'tag':
    rancher.append(rec(ts(op_at), 'UntagResource', 'rancher', {'resourceArn': ENC_ARN, 'tagKeys': ['owner']}))
if variant == 'timer':
    rancher.append(rec(ts(op_at), 'ListUpdates', 'rancher', {'name': NAME}))
    rancher.append(rec(ts(op_at), 'DescribeUpdate', 'rancher', {'name': NAME, 'updateId': '10bddb13-a71b-425a-b0a6-71cd03e59161'}))
if variant in ('race', 'timer'):
    rancher.append(rec(ts(op_at), 'UpdateClusterConfig', 'rancher',
                       {'name': NAME, 'resourcesVpcConfig': {'endpointPublicAccess': True, 'endpointPrivateAccess': False, 'publicAccessCidrs': ['0.0.0.0/0']}},
                       update('0b1e4a6c-5d2f-4e8a-9c3b-7f6d5e4c3b2a', 'EndpointAccessUpdate',
                              [{'type': 'EndpointPublicAccess', 'value': 'true'}, {'type': 'EndpointPrivateAccess', 'value': 'false'},
                               {'type': 'publicAccessCidrs', 'value': '["0.0.0.0/0"]'}], 1741097001.412 + SHIFT)))
    rancher.append(describe(ts('14:03:51')))
other = json.load(open(f'{S}/cloudtrail/aws-docs-eks-nodegroup-slr-DeleteInstanceProfile-record.json'))
trail = {'Records': [rancher[-1], other] + rancher[:-1]}
with open(f'{out}/cloudtrail/{ACCT}_CloudTrail_{REGION}_20250304T1415Z_x1Yz.json.gz', 'wb') as f:
    f.write(gzip.compress(json.dumps(trail).encode(), mtime=0))
if variant == 'tag':   # TagResource produces no output (awscli tag-resource.rst)
    console = rec(ts('14:02:11'), 'TagResource', 'console', {'resourceArn': ENC_ARN, 'tags': {'owner': 'alice'}}, None)
else:
    console = rec(ts('14:02:11'), 'UpdateClusterConfig', 'console',
                  {'name': NAME, 'resourcesVpcConfig': {'endpointPublicAccess': True, 'endpointPrivateAccess': True}},
                  update('10bddb13-a71b-425a-b0a6-71cd03e59161', 'EndpointAccessUpdate',
                         [{'type': 'EndpointPublicAccess', 'value': 'true'}, {'type': 'EndpointPrivateAccess', 'value': 'true'}], 1741096931.297 + SHIFT))
envelope = json.load(open(f'{S}/cloudtrail/awscli-cloudtrail-lookup-events-envelope.json'))
ev = envelope['Events'][0]
ev.update({'EventId': console['eventID'], 'Username': 'alice', 'EventTime': ts('14:02:11', offset=True), 'EventName': 'UpdateClusterConfig',
           'Resources': [{'ResourceType': 'AWS::EKS::Cluster', 'ResourceName': NAME}], 'CloudTrailEvent': json.dumps(console)})
if variant != 'ngdelete': json.dump(envelope, open(f'{out}/cloudtrail/lookup-events-console.json', 'w'), indent=2)
if variant == 'ngdelete':
    dn = json.load(open(f'{S}/awscli-eks/describe-nodegroup-1.json'))
    g = dn['nodegroup']; g['clusterName'] = NAME; g['nodegroupName'] = 'ng1'; g['version'] = '1.26'
    g['nodegroupArn'] = f'arn:aws:eks:{REGION}:{ACCT}:nodegroup/{NAME}/ng1/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111'
    json.dump(dn, open(f'{out}/describe-nodegroup.json', 'w'), indent=2)
# DescribeCluster before the incident: awscli's example with this cluster's values.
dc = json.load(open(f'{S}/awscli-eks/describe-cluster-1.json'))
c = dc['cluster']; c['name'] = NAME; c['arn'] = ARN; c['roleArn'] = f'arn:aws:iam::{ACCT}:role/shop-prod-cluster-role'
c['resourcesVpcConfig']['endpointPrivateAccess'] = False; c['resourcesVpcConfig']['publicAccessCidrs'] = ['0.0.0.0/0']
c['logging']['clusterLogging'][0]['enabled'] = False; c['tags'] = {'team': 'shop'}
json.dump(dc, open(f'{out}/describe-cluster.json', 'w'), indent=2)
# Rancher's management Cluster: rancher's own test object with this cluster's values.
import yaml
obj = yaml.safe_load(open(f'{S}/rancher-eks-objects/onclusterchange_active.yaml'))
eks = obj['spec']['eksConfig']
eks.update({'displayName': NAME, 'kubernetesVersion': '1.26', 'region': REGION, 'tags': {'team': 'shop'}, 'privateAccess': False,
            'publicAccess': True, 'publicAccessSources': ['0.0.0.0/0'], 'loggingTypes': [], 'nodeGroups': []})
if variant == 'ngdelete':
    g0 = yaml.safe_load(open(f'{S}/rancher-eks-objects/onclusterchange_active.yaml'))['spec']['eksConfig']['nodeGroups'][0]
    g0.update({'nodegroupName': 'ng1', 'version': '1.26', 'desiredSize': 2, 'minSize': 1, 'maxSize': 3, 'instanceType': 'm5.large'})
    eks['nodeGroups'] = [g0]
obj['spec']['displayName'] = NAME
obj['status']['appliedSpec']['eksConfig'] = copy.deepcopy(eks)
obj['metadata'] = {'name': 'c-r64vb', 'annotations': {'clusters.management.cattle.io/ke-last-refresh': str(1741096800 + SHIFT)}}
yaml.safe_dump(obj, open(f'{out}/rancher-cluster.yaml', 'w'), sort_keys=False)
# Rancher's API audit log: the docs' level-0 read and level-2 write, edited to a PUT of the cluster.
lines = [json.load(open(f'{S}/rancher-audit-log/rancher-docs-level0-metadata.json'))]
lines[0]['requestTimestamp'] = lines[0]['responseTimestamp'] = ts('14:01:40', offset=True)
put = json.load(open(f'{S}/rancher-audit-log/rancher-docs-level2-request-body.json'))
put['requestURI'] = '/v3/clusters/c-r64vb'; put['method'] = 'PUT'; put['responseCode'] = 200
put['user']['name'] = 'user-bob42'; put['user']['extra']['username'] = ['bob']; put['user']['extra']['principalid'] = ['local://user-bob42']
put['requestTimestamp'] = put['responseTimestamp'] = ts(edit_at or '14:00:00', offset=True)
body = copy.deepcopy(eks); body['tags'] = {'team': 'shop', 'env': 'prod'}
if variant == 'nearmiss': body['privateAccess'] = True   # the form showed what the 14:05 refresh copied
put['requestBody'] = {'name': NAME, 'type': 'cluster', 'eksConfig': body}
with open(f'{out}/rancher-api-audit.log', 'w') as f:
    for l in lines + ([put] if edit_at else []): f.write(json.dumps(l, separators=(',', ':')) + '\n')
