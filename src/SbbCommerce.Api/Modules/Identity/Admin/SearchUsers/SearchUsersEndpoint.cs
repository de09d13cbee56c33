using SbbCommerce.Api.Modules.Identity.Contracts;

namespace SbbCommerce.Api.Modules.Identity.Admin.SearchUsers;

internal static class SearchUsersEndpoint
{
    public static RouteHandlerBuilder MapSearchUsers(this RouteGroupBuilder admin) =>
        admin.MapGet("/users", HandleAsync).WithName("AdminSearchUsers")
            .WithSummary("Search users by email or name prefix (q), status and role; newest first, keyset pages.")
            .ProducesValidationProblem();

    private static async Task<Results<Ok<PagedResponse<AdminUserSummary>>, ValidationProblem>> HandleAsync(
        SbbDbContext db, string? q, [SchemaValues(typeof(UserStatus))] string? status, [SchemaValues(typeof(UserRole))] string? role, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        UserStatus? statusFilter = null;
        UserRole? roleFilter = null;
        if (status is not null)
        {
            statusFilter = SnakeCaseEnum.TryParse<UserStatus>(status, out var parsed) ? parsed : null;
            if (statusFilter is null)
            {
                errors["status"] = ["Unknown status."];
            }
        }

        if (role is not null)
        {
            roleFilter = UserRoleLabels.TryParse(role, out var parsed) ? parsed : null;
            if (roleFilter is null)
            {
                errors["role"] = ["Unknown role."];
            }
        }

        var page = PageRequest.From(limit, cursor);
        var after = CursorReader.Read(page, errors);

        return errors.Count > 0
            ? ApiProblems.Validation(errors)
            : TypedResults.Ok(await AdminUserSearch.SearchAsync(db, q, statusFilter, roleFilter, page, after, cancellationToken));
    }
}
