namespace SbbCommerce.Api.Modules.Cart.Ownership;

/// <summary>
/// Whose cart: the bearer user, else the anonymous visitor of <c>X-Anonymous-Id</c>. A visitor reaches only
/// carts with no user and their id; a user only their own.
/// </summary>
internal sealed record CartOwner(Guid? UserId, string? AnonymousId)
{
    public static CartOwner? From(HttpContext httpContext, ICurrentUser currentUser) =>
        currentUser.UserId is { } userId
            ? new CartOwner(userId, null)
            : AnonymousVisitor.IdOf(httpContext) is { } anonymousId ? new CartOwner(null, anonymousId) : null;
}
