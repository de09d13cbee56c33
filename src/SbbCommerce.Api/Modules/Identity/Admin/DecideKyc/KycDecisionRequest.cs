using SbbCommerce.Api.Modules.Identity.Users;

namespace SbbCommerce.Api.Modules.Identity.Admin.DecideKyc;

/// <summary>A KYC decision.</summary>
/// <param name="Status">approved, rejected or pending.</param>
/// <param name="Notes">Why (kept in the audit log).</param>
internal sealed record KycDecisionRequest([property: SchemaValues(typeof(KycDecisions))] string Status, string? Notes);
