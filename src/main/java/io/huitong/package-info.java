/** Huitong (汇通): tenders run through Camunda 7 models, decided by Drools rules that cite the law. */
package io.huitong;
