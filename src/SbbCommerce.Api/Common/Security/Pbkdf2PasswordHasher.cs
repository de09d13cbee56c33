using System.Security.Cryptography;

namespace SbbCommerce.Api.Common.Security;

/// <summary>
/// The hashing of ADR 0003, kept to verify the hashes written before Argon2id (ADR 0010).
/// PBKDF2-HMAC-SHA256 at the OWASP Password Storage Cheat Sheet's iteration count (600,000), 16-byte salt,
/// 32-byte key, stored as <c>pbkdf2-sha256$iterations$salt$hash</c>. The framework's implementation runs in
/// native code (no extra package) and the format records the iterations, so raising them rehashes on login.
/// </summary>
internal sealed class Pbkdf2PasswordHasher(int iterations = Pbkdf2PasswordHasher.DefaultIterations) : IPasswordHasher
{
    public const int DefaultIterations = 600_000;
    private const string Scheme = "pbkdf2-sha256";
    private const int SaltBytes = 16;
    private const int KeyBytes = 32;
    private readonly Lazy<string> _dummyHash = new(() => new Pbkdf2PasswordHasher(iterations).Hash("dummy-password-for-timing"));

    public string Hash(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var key = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, KeyBytes);
        return string.Join('$', Scheme, iterations.ToString(CultureInfo.InvariantCulture),
            Convert.ToBase64String(salt), Convert.ToBase64String(key));
    }

    public PasswordVerification Verify(string password, string hash)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (!TryParse(hash, out var storedIterations, out var salt, out var expected))
        {
            return PasswordVerification.Failed;
        }

        var actual = Rfc2898DeriveBytes.Pbkdf2(password, salt, storedIterations, HashAlgorithmName.SHA256, expected.Length);
        if (!CryptographicOperations.FixedTimeEquals(actual, expected))
        {
            return PasswordVerification.Failed;
        }

        return storedIterations < iterations ? PasswordVerification.SuccessRehashNeeded : PasswordVerification.Success;
    }

    public void VerifyDummy(string password) => Verify(password, _dummyHash.Value);

    private static bool TryParse(string? hash, out int storedIterations, out byte[] salt, out byte[] key)
    {
        storedIterations = 0;
        salt = key = [];
        var parts = hash?.Split('$');
        if (parts is not { Length: 4 } || parts[0] != Scheme
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out storedIterations)
            || storedIterations <= 0)
        {
            return false;
        }

        try
        {
            salt = Convert.FromBase64String(parts[2]);
            key = Convert.FromBase64String(parts[3]);
            return salt.Length > 0 && key.Length > 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
