namespace SbbCommerce.Api.Common.Auth;

/// <summary>Who is calling: read from the validated access token.</summary>
internal interface ICurrentUser
{
    bool IsAuthenticated { get; }

    Guid? UserId { get; }

    string? Email { get; }

    string? Role { get; }

    Guid? SessionId { get; }
}
