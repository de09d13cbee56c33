namespace SbbCommerce.Api.Modules.Identity.Users;

/// <summary>The <c>users.kyc_status</c> values.</summary>
internal static class KycStatuses
{
    public const string NotRequired = "not_required";
    public const string Pending = "pending";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
}

/// <summary>What an admin may decide (POST /admin/users/{id}/kyc).</summary>
internal static class KycDecisions
{
    public const string Pending = KycStatuses.Pending;
    public const string Approved = KycStatuses.Approved;
    public const string Rejected = KycStatuses.Rejected;
}
