namespace SbbCommerce.Api.Common.Security;

/// <summary>Hashes passwords; a hash carries its own parameters so stronger settings apply on the next login.</summary>
internal interface IPasswordHasher
{
    string Hash(string password);

    PasswordVerification Verify(string password, string hash);

    /// <summary>Costs what a real check costs, so an unknown email answers as slowly as a wrong password.</summary>
    void VerifyDummy(string password);
}

/// <summary>The result of checking a password against a stored hash.</summary>
internal enum PasswordVerification
{
    Failed,
    Success,
    SuccessRehashNeeded,
}
