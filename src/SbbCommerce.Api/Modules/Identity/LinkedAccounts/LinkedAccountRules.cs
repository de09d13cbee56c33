using SbbCommerce.Api.Modules.Identity.Contracts;
using SbbCommerce.Api.Modules.Identity.Data;

namespace SbbCommerce.Api.Modules.Identity.LinkedAccounts;

/// <summary>
/// What the linked-account slices share. Linking needs a verified ID token of that provider (so only its owner can
/// link it); unlinking refuses to remove the last way to sign in (no password and no other provider).
/// </summary>
internal static class LinkedAccountRules
{
    internal static async Task<List<LinkedAccountResponse>> LinkedAsync(SbbDbContext db, Guid userId, CancellationToken cancellationToken) =>
        (await db.Set<ExternalLogin>().AsNoTracking().Where(l => l.UserId == userId).OrderBy(l => l.LinkedAt).ToListAsync(cancellationToken))
        .Select(l => new LinkedAccountResponse(Label(l.Provider), l.EmailAtLink, l.LinkedAt))
        .ToList();

    internal static AuthProvider? Parse(string provider) => provider.ToLowerInvariant() switch
    {
        "google" => AuthProvider.Google,
        "apple" => AuthProvider.Apple,
        _ => null,
    };

    internal static string Label(AuthProvider provider) => provider.ToString().ToLowerInvariant();

    internal static ProblemHttpResult UnknownProvider(string provider) =>
        ApiProblems.NotFound(IdentityErrors.LinkedAccountNotFound, $"'{provider}' is not a provider (google, apple).");
}
