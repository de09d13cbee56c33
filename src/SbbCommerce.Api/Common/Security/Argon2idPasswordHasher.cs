using System.Security.Cryptography;
using System.Text;
using Geralt;

namespace SbbCommerce.Api.Common.Security;

/// <summary>
/// Argon2id through libsodium (Geralt's binding, native code) at the OWASP Password Storage Cheat Sheet's minimum
/// (19 MiB, 2 passes, 1 lane), stored in the standard PHC string (<c>$argon2id$v=19$m=..,t=..,p=1$salt$hash</c>) so
/// any libsodium or argon2 library can verify it. The string records its parameters: raising them rehashes on the
/// next successful login. PBKDF2 hashes written before the switch (ADR 0003) still verify, and always ask for a
/// rehash, so accounts move to Argon2id as their owners sign in (ADR 0010).
/// </summary>
internal sealed class Argon2idPasswordHasher : IPasswordHasher
{
    public const int DefaultIterations = 2;
    public const int DefaultMemoryKiB = 19 * 1024;
    private const string Prefix = "$argon2id$";
    private static readonly Pbkdf2PasswordHasher Legacy = new();
    private readonly int _iterations;
    private readonly int _memoryBytes;
    private readonly Lazy<string> _dummyHash;

    public Argon2idPasswordHasher(int iterations = DefaultIterations, int memoryKiB = DefaultMemoryKiB)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, Argon2id.MinIterations);
        ArgumentOutOfRangeException.ThrowIfLessThan(memoryKiB * 1024, Argon2id.MinMemorySize, nameof(memoryKiB));
        _iterations = iterations;
        _memoryBytes = memoryKiB * 1024;
        _dummyHash = new(() => Hash("dummy-password-for-timing"));
    }

    public string Hash(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var passwordBytes = Encoding.UTF8.GetBytes(password);
        try
        {
            Span<char> encoded = stackalloc char[Argon2id.HashSize];
            Argon2id.ComputeHash(encoded, passwordBytes, _iterations, _memoryBytes);
            return new string(encoded.TrimEnd('\0'));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(passwordBytes);
        }
    }

    public PasswordVerification Verify(string password, string hash)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (string.IsNullOrEmpty(hash))
        {
            return PasswordVerification.Failed;
        }

        if (!hash.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return Legacy.Verify(password, hash) == PasswordVerification.Failed
                ? PasswordVerification.Failed
                : PasswordVerification.SuccessRehashNeeded;
        }

        var passwordBytes = Encoding.UTF8.GetBytes(password);
        try
        {
            if (!VerifyArgon2id(hash, passwordBytes))
            {
                return PasswordVerification.Failed;
            }

            return Argon2id.NeedsRehash(hash, _iterations, _memoryBytes)
                ? PasswordVerification.SuccessRehashNeeded
                : PasswordVerification.Success;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(passwordBytes);
        }
    }

    public void VerifyDummy(string password) => Verify(password, _dummyHash.Value);

    /// <summary>A stored string that is not a well-formed Argon2id hash is a failed check, never an exception.</summary>
    private static bool VerifyArgon2id(string hash, byte[] passwordBytes)
    {
        try
        {
            return Argon2id.VerifyHash(hash, passwordBytes);
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
