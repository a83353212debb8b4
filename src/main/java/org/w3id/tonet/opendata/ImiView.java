package org.w3id.tonet.opendata;

import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.Model;

/**
 * The meetings, organizations, venues and places of the data in the terms of the IMI core
 * vocabulary (共通語彙基盤コア語彙 2.4.1), as ontology/tonet-imi.ttl sets out: a meeting is an ic:イベント型 with
 * its ic:名称, ic:期間, ic:開催場所 and organizer (ic:関連組織); an organization an ic:組織型; a venue an ic:施設型;
 * a place an ic:場所型 with its ic:住所 and the 6-digit local government codes as IMI's 都道府県コード and
 * 市区町村コード. IMI's structured values (names, periods, addresses, codes) are nodes of their own, named
 * {IRI}#imi-… so the view has no blank node and two runs give the same bytes.
 *
 * <pre>
 * Model imi = ImiView.of(build.data());
 * </pre>
 */
public final class ImiView {

  /** The IMI core vocabulary's RDF namespace. */
  public static final String IC = "http://imi.go.jp/ns/core/rdf#";

  /** The view's file name. */
  public static final String FILE = "tonet-imi.jsonld";

  /** What the distribution says of the file. */
  public static final String DESCRIPTION =
      "the meetings, organizations, venues and places in the terms of the IMI core vocabulary"
          + " 2.4.1 (共通語彙基盤), as ontology/tonet-imi.ttl sets out, in JSON-LD";

  private static final String CONSTRUCT =
      """
      PREFIX tonet:  <https://w3id.org/tonet/ontology#>
      PREFIX schema: <http://schema.org/>
      PREFIX rdfs:   <http://www.w3.org/2000/01/rdf-schema#>
      PREFIX xsd:    <http://www.w3.org/2001/XMLSchema#>
      PREFIX ic:     <http://imi.go.jp/ns/core/rdf#>
      CONSTRUCT {
        ?s a ?imiType ; ic:名称 ?name . ?name a ic:名称型 ; ic:表記 ?jaText .
        ?s ic:期間 ?period . ?period a ic:期間型 ; ic:開始日時 ?startNode ; ic:終了日時 ?endNode .
        ?startNode a ic:日時型 ; ic:表記 ?startText ; ic:年 ?sy ; ic:月 ?sm ; ic:日 ?sd .
        ?endNode a ic:日時型 ; ic:表記 ?endText ; ic:年 ?ey ; ic:月 ?em ; ic:日 ?ed .
        ?s ic:開催場所 ?venue .
        ?s ic:関連組織 ?rel . ?rel a ic:組織関連型 ; ic:役割 "主催" ; ic:組織 ?organizer .
        ?s ic:住所 ?address . ?address a ic:住所型 ; ic:表記 ?addressText ;
          ic:都道府県 ?prefText ; ic:市区町村 ?cityText ;
          ic:都道府県コード ?prefCode ; ic:市区町村コード ?cityCode .
        ?prefCode a ic:コード型 ; ic:識別値 ?prefCodeValue ; ic:種別 "全国地方公共団体コード" .
        ?cityCode a ic:コード型 ; ic:識別値 ?cityCodeValue ; ic:種別 "全国地方公共団体コード" .
      }
      WHERE {
        VALUES (?type ?imiType) {
          (tonet:Meeting ic:イベント型) (tonet:Organization ic:組織型) (tonet:Venue ic:施設型)
          (tonet:Prefecture ic:場所型) (tonet:Municipality ic:場所型) (tonet:HealthcareArea ic:場所型)
        }
        ?s a ?type ; rdfs:label ?ja FILTER (lang(?ja) = "ja")
        # IMI's texts are xsd:string, without a language tag.
        BIND (STR(?ja) AS ?jaText)
        BIND (IRI(CONCAT(STR(?s), "#imi-name")) AS ?name)
        OPTIONAL {
          FILTER (?type = tonet:Meeting)
          ?s schema:startDate ?start .
          OPTIONAL { ?s schema:endDate ?end0 }
          BIND (COALESCE(?end0, ?start) AS ?end)
          BIND (IRI(CONCAT(STR(?s), "#imi-period")) AS ?period)
          BIND (IRI(CONCAT(STR(?s), "#imi-start")) AS ?startNode)
          BIND (IRI(CONCAT(STR(?s), "#imi-end")) AS ?endNode)
          BIND (STR(?start) AS ?startText)
          BIND (STR(?end) AS ?endText)
          BIND (YEAR(?start) + 0 AS ?sy) BIND (MONTH(?start) + 0 AS ?sm) BIND (DAY(?start) + 0 AS ?sd)
          BIND (YEAR(?end) + 0 AS ?ey) BIND (MONTH(?end) + 0 AS ?em) BIND (DAY(?end) + 0 AS ?ed)
        }
        OPTIONAL { FILTER (?type = tonet:Meeting) ?s schema:location ?venue }
        OPTIONAL {
          FILTER (?type = tonet:Meeting)
          ?s schema:organizer ?organizer
          BIND (IRI(CONCAT(STR(?s), "#imi-organizer")) AS ?rel)
        }
        # A place's address has its names, and its codes where the data has them.
        OPTIONAL {
          ?s a tonet:Prefecture ; rdfs:label ?prefName FILTER (lang(?prefName) = "ja")
          OPTIONAL {
            ?s tonet:localGovernmentCode ?prefCodeValue
            BIND (IRI(CONCAT(STR(?s), "#imi-code")) AS ?prefCode)
          }
        }
        OPTIONAL {
          ?s a tonet:Municipality ; rdfs:label ?cityName FILTER (lang(?cityName) = "ja")
          OPTIONAL {
            ?s tonet:localGovernmentCode ?cityCodeValue
            BIND (IRI(CONCAT(STR(?s), "#imi-code")) AS ?cityCode)
          }
        }
        OPTIONAL {
          ?s a tonet:Municipality ; schema:containedInPlace ?pref .
          ?pref a tonet:Prefecture ; rdfs:label ?prefName FILTER (lang(?prefName) = "ja")
          OPTIONAL {
            ?pref tonet:localGovernmentCode ?prefCodeValue
            BIND (IRI(CONCAT(STR(?pref), "#imi-code")) AS ?prefCode)
          }
        }
        BIND (IF(BOUND(?prefName) || BOUND(?cityName), IRI(CONCAT(STR(?s), "#imi-address")), ?none)
          AS ?address)
        BIND (STR(?prefName) AS ?prefText)
        BIND (STR(?cityName) AS ?cityText)
        BIND (CONCAT(COALESCE(?prefText, ""), COALESCE(?cityText, "")) AS ?addressText)
      }
      """;

  private ImiView() {}

  /** The view of a data graph. */
  public static Model of(Model data) {
    try (QueryExecution exec = QueryExecution.model(data).query(CONSTRUCT).build()) {
      Model view = exec.execConstruct();
      view.setNsPrefix("ic", IC);
      return view;
    }
  }
}
