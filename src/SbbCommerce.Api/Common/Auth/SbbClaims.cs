namespace SbbCommerce.Api.Common.Auth;

/// <summary>Claim names of the access token (JWT registered names, kept short on the wire).</summary>
internal static class SbbClaims
{
    public const string Subject = "sub";
    public const string Email = "email";
    public const string Role = "role";
    public const string SessionId = "sid";
}
