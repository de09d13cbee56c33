using SbbCommerce.Api.Modules.Identity.Contracts;

namespace SbbCommerce.Api.Modules.Identity.Admin.UpdateUser;

/// <summary>An admin's change to a user: status (suspend, ban, reactivate) and/or role (super_admin only).</summary>
/// <param name="Status">active (reactivate), suspended or banned.</param>
/// <param name="Role">customer, wholesale, admin or super_admin; only a super_admin may change roles.</param>
/// <param name="Reason">Why (kept in the audit log).</param>
internal sealed record UpdateUserRequest(UserStatus? Status, UserRole? Role, string? Reason);
