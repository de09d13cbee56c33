using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace SbbCommerce.Api.Common.Security;

/// <summary>Random opaque tokens and their SHA-256 fingerprints (what the database stores instead of the token).</summary>
internal static class SecureTokens
{
    /// <summary>A URL-safe token of <paramref name="bytes"/> random bytes (32 = 256 bits).</summary>
    public static string NewToken(int bytes = 32) => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(bytes));

    public static string Sha256Hex(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
