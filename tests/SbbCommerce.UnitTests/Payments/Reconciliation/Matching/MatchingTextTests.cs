using SbbCommerce.Api.Modules.Payments.Reconciliation.Matching;

namespace SbbCommerce.UnitTests.Payments.Reconciliation.Matching;

public sealed class MatchingTextTests
{
    [Theory]
    [InlineData("PAY-200001", "PAY-200001")]
    [InlineData("pay 200001 thanks", "PAY-200001")]
    [InlineData("Order PAY200001", "PAY-200001")]
    [InlineData("for pay_200001 🙏", "PAY-200001")]
    [InlineData("PAY#200001", "PAY-200001")]
    public void Given_a_memo_as_customers_type_it_When_searched_Then_the_reference_is_found(string memo, string reference) =>
        Assert.Equal([reference], PaymentReferences.Find(memo));

    [Theory]
    [InlineData("REPAY-200001")]
    [InlineData("PAY-12")]
    [InlineData("payment for order")]
    [InlineData(null)]
    public void Given_a_memo_without_a_reference_When_searched_Then_none_is_found(string? memo) => Assert.Empty(PaymentReferences.Find(memo));

    [Fact]
    public void Given_two_references_When_searched_Then_both_are_found() =>
        Assert.Equal(["PAY-200001", "PAY-200002"], PaymentReferences.Find("PAY-200001 + pay 200002"));

    [Theory]
    [InlineData("John Smith", "John Smith", 1.0, 1.0)]
    [InlineData("SMITH, JOHN", "John Smith", 1.0, 1.0)]
    [InlineData("José Álvarez", "Jose Alvarez", 1.0, 1.0)]
    [InlineData("Jon Smith", "John Smith", 0.85, 0.99)]
    [InlineData("J Smith", "John Smith", 0.5, 0.8)]
    [InlineData("Mary Jones", "John Smith", 0.0, 0.45)]
    [InlineData("jsmith", "john.smith@example.com", 0.8, 1.0)]
    public void Given_two_names_When_compared_Then_the_similarity_is_in_range(string sender, string customer, double low, double high) =>
        Assert.InRange(NameSimilarity.Score(sender, customer), low, high);
}
