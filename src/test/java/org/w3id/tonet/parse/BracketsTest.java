package org.w3id.tonet.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3id.tonet.parse.Brackets.Piece;

class BracketsTest {

  private static Piece text(String text) {
    return new Piece(text, false);
  }

  private static Piece group(String text) {
    return new Piece(text, true);
  }

  @Test
  void textThenGroup() throws Exception {
    assertEquals(
        List.of(text("第4回協議会総会の開催"), group("ネットワークシステムの概要")),
        Brackets.pieces("第4回協議会総会の開催（ネットワークシステムの概要）"));
  }

  @Test
  void nestedDraftMarkAndQuotesStayInsideTheirGroup() throws Exception {
    assertEquals(
        List.of(
            text("第23回協議会臨時総会の開催"),
            group("2市1町の枠組みによる令和5年度以降の「とねっと」システムのあり方（案）等について"),
            text(" "),
            group("令和5年度事業計画及び収支予算（案）について")),
        Brackets.pieces(
            "第23回協議会臨時総会の開催（2市1町の枠組みによる令和5年度以降の「とねっと」システムのあり方（案）等について）"
                + " （令和5年度事業計画及び収支予算（案）について）"));
  }

  @Test
  void adjacentGroupsWithoutSpace() throws Exception {
    assertEquals(
        List.of(text("第12期協議会通常総会の開催"), group("作業部会との合同会議"), group("令和4年度事業報告及び収支決算等について")),
        Brackets.pieces("第12期協議会通常総会の開催（作業部会との合同会議）（令和4年度事業報告及び収支決算等について）"));
  }

  @Test
  void asciiAndFullWidthRoundBracketsPairEitherWay() throws Exception {
    assertEquals(
        List.of(text("医師会等説明"), group("46回"), text("、救急担当課長等会議"), group("10回")),
        Brackets.pieces("医師会等説明(46回)、救急担当課長等会議（10回)"));
  }

  @Test
  void quotesAndSquareBracketsAreNotGroups() throws Exception {
    assertEquals(
        List.of(text("[新]埼玉県救急医療情報システムと「とねっと」の接続等")),
        Brackets.pieces("[新]埼玉県救急医療情報システムと「とねっと」の接続等"));
    assertEquals(
        List.of(text("地域医療ネットワークシンポジウムの開催"), group("蓮田市総合文化会館「ハストピア」"), text(" 167人参加")),
        Brackets.pieces("地域医療ネットワークシンポジウムの開催（蓮田市総合文化会館「ハストピア」） 167人参加"));
  }

  @Test
  void roundBracketsInsideQuotesAreText() throws Exception {
    assertEquals(List.of(text("「A（B）」の件")), Brackets.pieces("「A（B）」の件"));
  }

  @Test
  void noBrackets() throws Exception {
    assertEquals(List.of(text("参加登録者5,000人を超える")), Brackets.pieces("参加登録者5,000人を超える"));
    assertEquals(List.of(), Brackets.pieces(""));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "第2回協議会総会の開催（システムの方向 | '（' is never closed: the text looks cut short",
        "開催（「とねっと」のあり方（案 | '（' is never closed",
        "開催）と | '）' at character 3 closes nothing that was opened",
        "「とねっと）」 | '）' at character 6 closes nothing",
        "（システム] | ']' at character 6 closes nothing",
        "「とねっと | '「' is never closed",
      })
  void unbalancedPiecesSayWhere(String text, String message) {
    Brackets.UnbalancedException e =
        assertThrows(Brackets.UnbalancedException.class, () -> Brackets.pieces(text));
    assertTrue(e.getMessage().startsWith(message), e::getMessage);
  }

  @Test
  void splitAtTheTopLevelOnly() throws Exception {
    assertEquals(List.of("（案）について", "契約"), Brackets.splitTopLevel("（案）について、契約", '、'));
    assertEquals(
        List.of("7市2町の担当者課長", "部長", "副市(町)長", "市(町)長等"),
        Brackets.splitTopLevel("7市2町の担当者課長、部長、副市(町)長、市(町)長等", '、'));
    assertEquals(List.of("開催（a、b）", "「c、d」", "e"), Brackets.splitTopLevel("開催（a、b）、「c、d」、e", '、'));
    assertEquals(List.of("確認・決定"), Brackets.splitTopLevel("確認・決定", '、'));
  }

  @Test
  void splitKeepsEmptyParts() throws Exception {
    assertEquals(List.of("", "a", ""), Brackets.splitTopLevel("、a、", '、'));
    assertEquals(List.of(""), Brackets.splitTopLevel("", '、'));
  }

  @Test
  void splitAtANoteMark() throws Exception {
    assertEquals(
        List.of("第19回協議会臨時総会 ", "書面表決（令和2年度事業計画及び収支予算等について）"),
        Brackets.splitTopLevel("第19回協議会臨時総会 ※書面表決（令和2年度事業計画及び収支予算等について）", '※'));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "（a、b | a bracket is never closed",
        "a）、b | '）' at character 2 closes nothing",
        // A mismatched pair is refused here as pieces() refuses it, not counted as closed.
        "（a、b]、c | ']' at character 5 closes nothing",
        "「a）」 | '）' at character 3 closes nothing",
      })
  void unbalancedSplitSaysWhere(String text, String message) {
    Brackets.UnbalancedException e =
        assertThrows(Brackets.UnbalancedException.class, () -> Brackets.splitTopLevel(text, '、'));
    assertTrue(e.getMessage().startsWith(message), e::getMessage);
  }
}
