using SbbCommerce.Api.Common.Problems;

namespace SbbCommerce.UnitTests.Common.Problems;

public sealed class ProblemCodesTests
{
    [Theory]
    [InlineData(400, "malformed_request")]
    [InlineData(401, "unauthorized")]
    [InlineData(403, "forbidden")]
    [InlineData(404, "not_found")]
    [InlineData(413, "payload_too_large")]
    [InlineData(415, "unsupported_media_type")]
    [InlineData(429, "rate_limited")]
    [InlineData(500, "internal_error")]
    [InlineData(503, "internal_error")]
    public void Given_a_bare_status_When_turned_into_a_problem_Then_it_gets_a_code(int status, string code)
    {
        Assert.Equal(code, ProblemsModule.CodeForStatus(status));
    }

    [Fact]
    public void Given_a_code_When_building_a_problem_Then_type_and_code_extension_carry_it()
    {
        var problem = ApiProblems.Unprocessable("insufficient_stock", "Not enough stock.").ProblemDetails;

        Assert.Equal(422, problem.Status);
        Assert.Equal("insufficient_stock", problem.Extensions["code"]);
        Assert.EndsWith("/insufficient_stock", problem.Type, StringComparison.Ordinal);
    }
}
