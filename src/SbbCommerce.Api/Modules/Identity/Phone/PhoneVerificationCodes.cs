using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using SbbCommerce.Api.Common.Security;
using SbbCommerce.Api.Modules.Identity.Contracts;

namespace SbbCommerce.Api.Modules.Identity.Phone;

/// <summary>The code is an HMAC of the row id under a key derived from the signing key, reduced to 6 digits.</summary>
internal sealed class PhoneVerificationCodes(JwtSigningKey signingKey) : IPhoneVerificationCodes
{
    private readonly byte[] _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, signingKey.Key.Key, 32, info: Encoding.UTF8.GetBytes("sbb-phone-codes"));

    public string CodeFor(Guid verificationId)
    {
        var mac = HMACSHA256.HashData(_key, verificationId.ToByteArray());
        var value = BinaryPrimitives.ReadUInt64BigEndian(mac) % 1_000_000UL;
        return value.ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>What is stored: the hash of the code bound to its row (equal codes of two rows hash differently).</summary>
    public static string Hash(Guid verificationId, string code) => SecureTokens.Sha256Hex($"{verificationId:N}:{code}");
}
