-- Indexes for questions asked on every order, found with `make bench` and perf (README, Performance).
-- The account-setup gate asks whether a company has any provisioned service: without this index it
-- read every one of the company's services (89% of a port order's time at 20,000 services).
CREATE INDEX services_company_status ON services(company_id, provisioning_status);
-- It also serves every lookup by company alone, so the single-column index only cost writes.
DROP INDEX services_company;

-- The provisioning stage runs beside every write burst and asks for what is due. These partial
-- indexes hold only the services in each waiting state, so "what is due" and "when is the next one
-- due" are index range reads instead of scans of every PROVISIONING port (47% of the writer's time
-- with 9,000 ports waiting for an interface).
CREATE INDEX services_due_live ON services(provision_date) WHERE provisioning_status = 'CONFIGURED';
CREATE INDEX services_due_decommission ON services(cancel_date) WHERE provisioning_status = 'CANCELLED';
CREATE INDEX services_due_auto_approval ON services(create_date)
    WHERE vxc_approval_status = 'PENDING_INTERNAL' AND provisioning_status = 'PROVISIONING';
CREATE INDEX approvals_due_expiry ON approvals(expiry_date) WHERE status = 'PENDING';
