using SbbCommerce.Api.Common.Security;

namespace SbbCommerce.UnitTests.Common.Security;

/// <summary>What every <see cref="IPasswordHasher"/> must do; each hasher's test class runs these against its own.</summary>
public abstract class PasswordHasherContractTests
{
    private protected abstract IPasswordHasher Hasher { get; }

    /// <summary>How the hasher's encoded hash begins (algorithm and parameters).</summary>
    protected abstract string ExpectedPrefix { get; }

    [Fact]
    public void Given_a_hash_When_verifying_the_same_password_Then_success()
    {
        var hash = Hasher.Hash("correct horse battery staple");

        Assert.Equal(PasswordVerification.Success, Hasher.Verify("correct horse battery staple", hash));
        Assert.StartsWith(ExpectedPrefix, hash, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_hash_When_verifying_another_password_Then_failed()
    {
        var hash = Hasher.Hash("correct horse battery staple");

        Assert.Equal(PasswordVerification.Failed, Hasher.Verify("Correct horse battery staple", hash));
    }

    [Fact]
    public void Given_the_same_password_twice_When_hashing_Then_salts_differ()
    {
        Assert.NotEqual(Hasher.Hash("same password"), Hasher.Hash("same password"));
    }
}
