package org.w3id.tonet.model;

/** How the date of an event was found. */
public enum DateBasis {
  /** The row gives the day in its date cell or its text. */
  AS_WRITTEN,
  /** The row has no date but refers back to the row above (同…), whose day it takes. */
  FROM_ROW_ABOVE,
  /** The row gives no day; only bounds are known. */
  UNKNOWN
}
