namespace SbbCommerce.Api.Common.Auditing.Trail;

/// <summary>Problem codes of the audit trail.</summary>
internal static class AuditErrors
{
    public const string AuditLogNotFound = "audit_log_not_found";
}
